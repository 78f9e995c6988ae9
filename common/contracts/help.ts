import { z } from 'zod';
import type { Role } from '../domain/roles.ts';

// The user manual (docs/manual/): an index and one page per role, served to signed-in users by /api/help.

/** The manual page of each role (docs/manual/<page>.md), in the order the index lists them. */
export const MANUAL_PAGE_OF_ROLE: Record<Role, string> = {
  countyAdmin: 'county-admin',
  countyStaff: 'county-staff',
  townshipStaff: 'township-staff',
  villageOfficer: 'village-officer',
  department: 'department',
  cadre: 'cadre',
  auditor: 'auditor',
};

/** The index page (docs/manual/README.md). */
export const MANUAL_INDEX_PAGE = 'README';

export const MANUAL_PAGES: readonly string[] = [MANUAL_INDEX_PAGE, ...Object.values(MANUAL_PAGE_OF_ROLE)];

export const manualPageParams = z.object({ page: z.string().regex(/^[A-Za-z-]{1,40}$/) });
/** Screenshots: docs/manual/img/<name>.png, lower-case letters, digits and dashes only. */
export const manualImageParams = z.object({ file: z.string().regex(/^[a-z0-9-]{1,80}\.png$/) });
export const manualPageResponse = z.object({ page: z.string(), markdown: z.string() });
export type ManualPageResponse = z.infer<typeof manualPageResponse>;
