import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="console-page-header">
      <div>
        <Typography.Title level={3} className="console-page-title">
          {title}
        </Typography.Title>
        {subtitle && <div className="console-page-subtitle">{subtitle}</div>}
      </div>
      {extra && <div className="console-page-extra">{extra}</div>}
    </div>
  );
}
