import { useId } from 'react';
import type { Choice, ConfigurableSliders, PickerFocus } from '../api/catalog-types';
import { useT } from '../i18n/i18n-context';
import { CHOICE_FIELDS, fieldText } from './choice-price';

/**
 * PLAN-05: one slider per amount the tariff lets the subscriber choose. Each moves between the catalog's steps
 * (its value is the step's index), and says its amount aloud (`aria-valuetext`), not the index. A field with a
 * single step (e.g. no SMS offered) has nothing to choose and is not drawn.
 */
export function TariffSliders({
  sliders,
  choice,
  onChange,
}: {
  sliders: ConfigurableSliders;
  choice: Choice;
  onChange: (choice: Choice) => void;
}) {
  const t = useT();
  const id = useId();
  const fields = CHOICE_FIELDS.filter((field) => sliders[field].length > 1);
  const move = (field: PickerFocus, index: number) => {
    const step = sliders[field][index];
    if (step) onChange({ ...choice, [field]: step.amount });
  };
  return (
    <div className="tariff-sliders">
      {fields.map((field) => {
        const steps = sliders[field];
        const index = Math.max(
          0,
          steps.findIndex((s) => s.amount === choice[field]),
        );
        const text = fieldText(t, field, choice[field]);
        const first = steps[0];
        const last = steps.at(-1);
        return (
          <div className="slider-field" key={field}>
            <div className="slider-head">
              <label htmlFor={`${id}-${field}`}>{t.tariffTools.sliders[field]}</label>
              <output htmlFor={`${id}-${field}`} data-testid={`slider-value-${field}`}>
                {text}
              </output>
            </div>
            <input
              id={`${id}-${field}`}
              type="range"
              min={0}
              max={steps.length - 1}
              step={1}
              value={index}
              aria-valuetext={text}
              onChange={(event) => move(field, Number(event.target.value))}
              data-testid={`slider-${field}`}
            />
            <div className="slider-scale" aria-hidden="true">
              <span>{first ? fieldText(t, field, first.amount) : ''}</span>
              <span>{last ? fieldText(t, field, last.amount) : ''}</span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
