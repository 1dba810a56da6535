import { Alert } from "~/components/ui/alert";

/** The server refuses every menu change of a suspended restaurant; the editor says so up front instead. */
export function SuspendedMenuAlert() {
  return (
    <Alert title="This menu is locked" className="mb-6">
      An admin suspended this restaurant, so its menu cannot be changed. Once it is restored, you can edit the menu again.
    </Alert>
  );
}
