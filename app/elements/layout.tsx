// The route of features/elements/layout.tsx (Next reads routes from app/ only).
export { default } from "@/features/elements/layout";
