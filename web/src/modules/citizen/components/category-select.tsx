import type { Category } from '../../../api/meta';
import { citizenStrings as s } from '../strings';

interface CategorySelectProps {
  categories: Category[];
  /** The codes chosen, from the top level down; any level may be the last. */
  value: string[];
  onChange: (path: string[]) => void;
  testId: string;
}

/** The three levels of the taxonomy as three native lists, which phones show as their own pickers. */
export function CategorySelect({ categories, value, onChange, testId }: CategorySelectProps) {
  const levels: Category[][] = [categories];
  for (const code of value) {
    const children = levels.at(-1)?.find((c) => c.code === code)?.children;
    if (!children?.length) break;
    levels.push(children);
  }
  return (
    <div className="lt-stack" data-testid={testId}>
      {levels.map((options, depth) => (
        <select
          key={depth}
          className="lt-select"
          value={value[depth] ?? ''}
          aria-label={s.fields.categoryLevels[depth]}
          onChange={(e) => onChange(e.target.value ? [...value.slice(0, depth), e.target.value] : value.slice(0, depth))}
          data-testid={`${testId}-${depth + 1}`}
        >
          <option value="">{depth === 0 ? s.fields.categoryPlaceholder : s.fields.categoryNarrower}</option>
          {options.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}
