import { Link } from 'react-router-dom';
import { statLink, type Period, type Stat } from './api';

/** A number that opens the dossiers it counts. */
export function FigureLink({ n, stat, period, center, field, department, testId }: {
  n: number; stat: Stat; period?: Period; center?: string | null; field?: string; department?: string; testId?: string;
}) {
  return (
    <Link to={statLink(stat, { period, center, field, department })} className="figure-link" data-testid={testId} data-stat={stat}>
      {n.toLocaleString('vi-VN')}
    </Link>
  );
}
