export declare function fillTemplate(file: string, values: Record<string, string>): string;
export declare function nginxConfig(opts: {
  runtimeDir: string;
  listen: string;
  certFile: string;
  keyFile: string;
  upstreams: string[];
  testServers: string;
}): string;
