import { assetCode, defaultCategoryOf, ownerLevelOfOrg } from '#common/domain/assets/rules.ts';
import type { ProjectType } from '#common/domain/projects/types.ts';
import type { Db } from '#server/db/connect.ts';
import { findUnit } from '../org/index.ts';
import { insertAsset, nextAssetSerial } from './assets.repository.ts';

// A completed project forms its asset (policy-rules §5): category from the project type, value from the
// money actually paid out (the budget when nothing was paid through the system), owner at the project's
// level. Custody and operator are filled in on the asset afterwards. Runs inside the completing transaction.

// The project arrives from the projects module (which calls this; assets never imports projects): the fields
// read here, and what was paid out by fund source.

/** The completed project an asset is formed from (the fields of the projects module's record this reads). */
export interface FormingProject {
  id: number;
  countyCode: string;
  orgCode: string;
  name: string;
  year: number;
  type: ProjectType;
  subType: string | null;
  budgetCentralFen: number;
  budgetProvincialFen: number;
  budgetCityFen: number;
  budgetCountyFen: number;
  beneficiaryHouseholds: number;
  beneficiaryAlleviated: number;
}

export async function formAssetsOfProject(
  tx: Db,
  p: FormingProject,
  paid: Record<string, number>,
  actorId: number | null,
): Promise<number[]> {
  const category = defaultCategoryOf(p.type, p.subType);
  if (!category) return [];
  const paidTotal = Object.values(paid).reduce((a, b) => a + b, 0);
  const budget = {
    central: p.budgetCentralFen,
    provincial: p.budgetProvincialFen,
    city: p.budgetCityFen,
    county: p.budgetCountyFen,
  };
  const fundSources = paidTotal > 0 ? paid : Object.fromEntries(Object.entries(budget).filter(([, v]) => v > 0));
  const value = Object.values(fundSources).reduce((a, b) => a + b, 0);
  const unit = await findUnit(tx, p.orgCode);
  const ownerLevel = category === 'household' ? 'household' : ownerLevelOfOrg(p.orgCode);
  const prefix = assetCode(p.year, p.id, 0).slice(0, -2);
  const serial = await nextAssetSerial(tx, p.countyCode, prefix);
  const id = await insertAsset(tx, {
    countyCode: p.countyCode,
    code: assetCode(p.year, p.id, serial),
    name: p.name,
    category,
    projectId: p.id,
    originYear: p.year,
    fundSources,
    originalValueFen: value,
    bookValueFen: value,
    orgCode: p.orgCode,
    location: unit?.name ?? null,
    ownerLevel,
    ownerName: ownerLevel === 'household' ? `受益农户 ${p.beneficiaryHouseholds} 户` : (unit?.name ?? p.orgCode),
    beneficiaries: `受益 ${p.beneficiaryHouseholds} 户（其中脱贫户/监测户 ${p.beneficiaryAlleviated} 户）`,
    custodian: ownerLevel === 'household' ? '受益农户自行管护' : null,
    photovoltaic: p.subType === '光伏扶贫',
    createdBy: actorId,
  });
  return [id];
}
