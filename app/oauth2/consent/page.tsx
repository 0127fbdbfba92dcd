// Hydra's consent URL (hydra feature: features/hydra/pages/ConsentPage.tsx).
export { default, generateMetadata } from "@/features/hydra/pages/ConsentPage";
