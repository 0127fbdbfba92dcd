// The route of features/elements/pages/verification.tsx (Next reads routes from app/ only).
export { default, generateMetadata } from "@/features/elements/pages/verification";
