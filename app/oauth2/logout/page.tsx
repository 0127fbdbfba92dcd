// Hydra's logout URL (hydra feature: features/hydra/pages/LogoutPage.tsx).
export { default, generateMetadata } from "@/features/hydra/pages/LogoutPage";
