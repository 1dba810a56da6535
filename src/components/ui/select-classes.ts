import { inputClasses } from "~/components/ui/field";

export function selectClasses(invalid = false): string {
  return inputClasses(invalid, "pr-8");
}
