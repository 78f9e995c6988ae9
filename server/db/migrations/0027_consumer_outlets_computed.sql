-- 消费帮扶专馆/专区/专柜 are computed from the consumer-assistance ledger (outlets open at the end of each period, per
-- unit of the outlet) instead of typed into the county's yearly report. The elements become computed and leave the
-- data set COUNTY_ANNUAL. The values the county typed (indicator_value, indicator_value_audit) are kept as they were:
-- nothing is deleted, the cell history stays readable (/api/indicators/values/audit), only the cockpit reads the ledger.
UPDATE "indicator_element" SET "computed" = 'consumer.pavilions', "aggregation" = 'SUM' WHERE "code" = 'CONSUMER_HALLS';--> statement-breakpoint
UPDATE "indicator_element" SET "computed" = 'consumer.zones', "aggregation" = 'SUM' WHERE "code" = 'CONSUMER_ZONES';--> statement-breakpoint
UPDATE "indicator_element" SET "computed" = 'consumer.counters', "aggregation" = 'SUM' WHERE "code" = 'CONSUMER_COUNTERS';--> statement-breakpoint
UPDATE "indicator_data_set" SET "elements" = array_remove(array_remove(array_remove("elements", 'CONSUMER_HALLS'), 'CONSUMER_ZONES'), 'CONSUMER_COUNTERS') WHERE "code" = 'COUNTY_ANNUAL';--> statement-breakpoint
UPDATE "indicator_def" SET "description_zh" = '年末（当年为今天）在营的消费帮扶专馆个数，取消费帮扶台账（开设、关闭日期），与消费帮扶页“三专”进度同一规则；设在县、乡镇、村的专馆各计入所在单位，乡镇含所辖村，县为全县合计。沁发〔2021〕17号 §二(三)1 二是“到2025年，建成2个消费帮扶专馆，2个消费帮扶专区，20个消费帮扶专柜”。' WHERE "code" = 'CONSUMER_HALLS_N' AND "description_zh" IS NULL;--> statement-breakpoint
UPDATE "indicator_def" SET "description_zh" = '年末（当年为今天）在营的消费帮扶专区个数，取消费帮扶台账（开设、关闭日期），与消费帮扶页“三专”进度同一规则；设在县、乡镇、村的专区各计入所在单位，乡镇含所辖村，县为全县合计。沁发〔2021〕17号 §二(三)1 二是“到2025年，建成2个消费帮扶专馆，2个消费帮扶专区，20个消费帮扶专柜”。' WHERE "code" = 'CONSUMER_ZONES_N' AND "description_zh" IS NULL;--> statement-breakpoint
UPDATE "indicator_def" SET "description_zh" = '年末（当年为今天）在营的消费帮扶专柜个数，取消费帮扶台账（开设、关闭日期），与消费帮扶页“三专”进度同一规则；设在县、乡镇、村的专柜各计入所在单位，乡镇含所辖村，县为全县合计。沁发〔2021〕17号 §二(三)1 二是“到2025年，建成2个消费帮扶专馆，2个消费帮扶专区，20个消费帮扶专柜”。' WHERE "code" = 'CONSUMER_COUNTERS_N' AND "description_zh" IS NULL;
