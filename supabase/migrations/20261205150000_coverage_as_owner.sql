-- The coverage and the offers behind its numbers read only what is public: published offers, the
-- concept, the districts. Run with the caller's rights, row level security checked every offer
-- against a signed-in caller's memberships ("published or their own"): 407 ms for a city admin
-- where the service role took 98 (50 districts, 150 measures, 10,000 offers; bench-reports.ts).
-- As the owner they skip that check; what they return is the same for every caller.
alter function public.city_coverage(text, text) security definer;
alter function public.city_coverage_offers(text, text, text, text, text, text) security definer;
