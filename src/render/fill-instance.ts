/** Shown in commands when no instance is configured, so nobody runs a half-filled command by accident. */
export const INSTANCE_PLACEHOLDER = '<instance>';

/** Replaces every `{instance}` in a knowledge command or path with the instance name or a visible placeholder. */
export function fillInstance(template: string, instance?: string): string {
  const name = instance?.trim() || INSTANCE_PLACEHOLDER;
  return template.replaceAll('{instance}', name);
}
