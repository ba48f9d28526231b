DROP INDEX "cloud"."k8s_packages_search_idx";--> statement-breakpoint
DROP INDEX "hf"."models_search_idx";--> statement-breakpoint
DROP INDEX "hf"."models_recommended_tasks_idx";--> statement-breakpoint
CREATE INDEX "k8s_packages_search_idx" ON "cloud"."k8s_packages" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "models_search_idx" ON "hf"."models" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "models_recommended_tasks_idx" ON "hf"."models" USING gin ("recommended_for_tasks") WITH (fastupdate=false);