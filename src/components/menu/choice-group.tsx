"use client";

import clsx from "clsx";
import type { UseFormRegisterReturn } from "react-hook-form";

export type Choice = { value: string; label: string; hint?: string };

type ChoiceGroupProps = {
  id: string;
  legend: string;
  type: "checkbox" | "radio";
  choices: readonly Choice[];
  registration: UseFormRegisterReturn;
  /** Checked in the server HTML, before react-hook-form takes the inputs over. */
  checked: readonly string[];
  error?: string;
  className?: string;
  columns?: string;
};

/** Radios or checkboxes under one legend, with the group's error announced with it. */
export function ChoiceGroup({ id, legend, type, choices, registration, checked, error, className, columns = "sm:grid-cols-2" }: ChoiceGroupProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset id={id} aria-describedby={error ? errorId : undefined} className={clsx("min-w-0", className)}>
      <legend className="mb-2 text-sm font-semibold text-stone-800">{legend}</legend>
      <div className={clsx("grid gap-2", columns)}>
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          return (
            <label
              key={choice.value}
              htmlFor={inputId}
              className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-stone-200 px-3 py-2 text-sm text-stone-800 has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input
                {...registration}
                id={inputId}
                type={type}
                value={choice.value}
                defaultChecked={checked.includes(choice.value)}
                className="mt-0.5 size-4 shrink-0 accent-brand-700"
              />
              <span>
                <span className="font-medium">{choice.label}</span>
                {choice.hint ? <span className="block text-stone-600">{choice.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
