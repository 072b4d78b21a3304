/** Export name of a schema in the generated validators module: `router-config` → `routerConfig`. */
export function validatorExportName(schemaName: string): string {
  return schemaName.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}
