import { simpleFlowRoute } from "@/components/flow/SimpleFlowPage";

const route = simpleFlowRoute("verification");
export const generateMetadata = route.generateMetadata;
export default route.Page;
