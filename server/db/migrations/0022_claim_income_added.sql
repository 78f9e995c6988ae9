-- What a paid 防贫保险 claim added to 理赔收入 of its year (docs/insurance.md "Double counting").
ALTER TABLE "insurance_claim" ADD COLUMN "income_added_fen" bigint;--> statement-breakpoint
-- Claims paid before this column: the payment's audit row says whether it reached the income (incomeYear set).
UPDATE "insurance_claim" c SET "income_added_fen" = c."amount_fen"
  WHERE c."status" = 'paid' AND EXISTS (
    SELECT 1 FROM "audit_log" a WHERE a."entity" = 'insurance_claim' AND a."entity_id" = c."id"::text
      AND a."action" = 'pay' AND a."after"->>'incomeYear' IS NOT NULL);
