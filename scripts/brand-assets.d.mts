import type { Brand } from "../brand/brand.mjs";

export declare function themeCss(brand?: Brand): string;
export declare function writeBrandAssets(brand?: Brand, dir?: string): void;
