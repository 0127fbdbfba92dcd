// The route of features/account-deletion/deleteRoute.ts (Next reads routes from app/ only).
export { POST } from "@/features/account-deletion/deleteRoute";
