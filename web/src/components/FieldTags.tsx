import { Tag, Tooltip } from 'antd';
import { useFields } from '../api/hooks';

/** Field codes as short tags with the field's full name on hover. */
export function FieldTags({ codes }: { codes: string[] }) {
  const fields = useFields();
  const byCode = new Map((fields.data ?? []).map((f) => [f.code, f]));
  return (
    <div className="tag-wrap">
      {codes.map((c) => {
        const f = byCode.get(c);
        return (
          <Tooltip key={c} title={f?.name}>
            <Tag color="geekblue">{f ? `${f.no}. ${c}` : c}</Tag>
          </Tooltip>
        );
      })}
    </div>
  );
}

export function useFieldOptions() {
  const fields = useFields();
  return (fields.data ?? []).map((f) => ({ value: f.code, label: `${f.no}. ${f.name}` }));
}
