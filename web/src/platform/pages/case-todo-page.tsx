import { useCallback, useState } from 'react';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLoaded } from '../../api/use-loaded';
import { caseApi } from '../api';
import { CaseTable } from '../components/case-table';
import { platformStrings as s } from '../strings';
import { useCaseType } from '../use-case-type';
import type { CaseTypePages } from '../web-module';

/** 待办: the person's cases of one type whose clocks run against a unit they act for, most urgent first. */
export function CaseTodoPage({ pages, title }: { pages: CaseTypePages; title: string }) {
  const navigate = useNavigate();
  const type = useCaseType(pages.caseType);
  const [tick, setTick] = useState(0);
  const load = useCallback((signal: AbortSignal) => caseApi.todo(pages.caseType, signal), [pages.caseType, tick]);
  const todo = useLoaded(type.data ? load : null);

  if (type.error) return <Alert type="error" showIcon title={type.error} data-testid="case-todo-error" />;
  if (!type.data) return <Card size="small"><Skeleton active /></Card>;
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Button size="small" onClick={() => setTick((t) => t + 1)} data-testid="case-todo-refresh">
          {s.list.refresh}
        </Button>
      }
      data-testid="case-todo"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {todo.error && <Alert type="error" showIcon title={todo.error} data-testid="case-list-error" />}
        {todo.data && (
          <Typography.Text type="secondary" data-testid="case-todo-total">
            {s.list.todoTotal(todo.data.items.length, todo.data.total)}
          </Typography.Text>
        )}
        <CaseTable
          type={type.data}
          rows={todo.data?.items ?? []}
          loading={todo.loading}
          onOpen={(caseId) => navigate(`${pages.base}/cases/${caseId}`)}
          testId="case-todo-table"
        />
      </Space>
    </Card>
  );
}
