CREATE INDEX "instances_gpu_rows_price_idx" ON "cloud"."instances" USING btree ("price_per_hour_usd","gpu_memory_gb_total") WHERE gpu_count > 0 AND accelerator_kind = 'gpu';--> statement-breakpoint
CREATE INDEX "models_lower_id_idx" ON "hf"."models" USING btree (lower("id"));--> statement-breakpoint
CREATE INDEX "models_pipeline_popularity_idx" ON "hf"."models" USING btree ("pipeline_tag","popularity" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "models_recommended_tasks_idx" ON "hf"."models" USING gin ("recommended_for_tasks");