// The route of features/enrollment-gate/SecureAccountPage.tsx (Next reads routes from app/ only).
export { default, generateMetadata } from "@/features/enrollment-gate/SecureAccountPage";
