import { Button, Space, type FormInstance } from 'antd';
import { uiStrings } from './strings';

/** 查询 and 重置 under a filter form: reset clears every field and searches again with nothing. */
export function FilterButtons({ form, onReset }: { form: FormInstance; onReset: () => void }) {
  return (
    <Space wrap>
      <Button type="primary" htmlType="submit" data-testid="filter-search">
        {uiStrings.filterSearch}
      </Button>
      <Button
        onClick={() => {
          form.resetFields();
          onReset();
        }}
        data-testid="filter-reset"
      >
        {uiStrings.filterReset}
      </Button>
    </Space>
  );
}
