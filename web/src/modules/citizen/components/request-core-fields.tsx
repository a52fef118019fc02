import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import type { PlaceSuggestion } from '../../../../../contracts/requests';
import type { Meta } from '../../../api/meta';
import { suggestPlace } from '../api';
import { MOBILE_OR_LANDLINE_PATTERN, MOBILE_PATTERN, type RequestCoreValues } from '../request-body';
import { citizenStrings as s } from '../strings';
import { CategoryCascader } from './category-cascader';
import { PhotoPicker } from './photo-picker';

interface RequestCoreFieldsProps {
  meta: Meta;
  /** Prefix of the data-testid of each field, e.g. "citizen" → "citizen-content". */
  testIdPrefix: string;
  /** Staff may also record a landline; the public form asks for a mobile. */
  allowLandline?: boolean;
}

/** The fields a citizen fills in; staff recording a call use the same ones. Render inside a Form. */
export function RequestCoreFields({ meta, testIdPrefix: p, allowLandline = false }: RequestCoreFieldsProps) {
  const form = Form.useFormInstance<RequestCoreValues>();
  const townshipCode = Form.useWatch('townshipCode', form);
  const villages = meta.townships.find((t) => t.code === townshipCode)?.villages ?? [];
  const [suggested, setSuggested] = useState<PlaceSuggestion | null>(null);
  // Once the message is written, the place it names is offered (never chosen for the person).
  const offerPlace = () => {
    const text = (form.getFieldValue('content') as string | undefined)?.trim();
    if (!text || form.getFieldValue('townshipCode')) return;
    suggestPlace(text).then(
      (place) => setSuggested(place.townshipCode ? place : null),
      () => setSuggested(null),
    );
  };
  const usePlace = (place: PlaceSuggestion) => {
    form.setFieldsValue({ townshipCode: place.townshipCode ?? undefined, villageCode: place.villageCode ?? undefined });
    setSuggested(null);
  };

  return (
    <>
      <Form.Item
        name="content"
        label={s.fields.content}
        rules={[
          { required: true, whitespace: true, message: s.rules.contentRequired },
          { max: 5000, message: s.rules.contentTooLong },
        ]}
      >
        <Input.TextArea rows={6} showCount maxLength={5000} placeholder={s.fields.contentPlaceholder} onBlur={offerPlace} data-testid={`${p}-content`} />
      </Form.Item>
      <Form.Item name="title" label={s.fields.title}>
        <Input maxLength={100} placeholder={s.fields.titlePlaceholder} data-testid={`${p}-title`} />
      </Form.Item>
      <Form.Item name="name" label={s.fields.requesterName}>
        <Input maxLength={50} placeholder={s.fields.requesterNamePlaceholder} autoComplete="name" data-testid={`${p}-name`} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={s.fields.requesterPhone}
        rules={[
          allowLandline
            ? { pattern: MOBILE_OR_LANDLINE_PATTERN, message: s.rules.phoneOrLandlineInvalid }
            : { pattern: MOBILE_PATTERN, message: s.rules.phoneInvalid },
        ]}
      >
        <Input
          maxLength={allowLandline ? 13 : 11}
          inputMode="numeric"
          autoComplete="tel"
          placeholder={s.fields.requesterPhonePlaceholder}
          data-testid={`${p}-phone`}
        />
      </Form.Item>
      <Form.Item
        name="townshipCode"
        label={s.fields.township}
        extra={
          suggested && !townshipCode ? (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => usePlace(suggested)} data-testid={`${p}-place-suggestion`}>
              {s.fields.placeSuggested(`${suggested.townshipName ?? ''}${suggested.villageName ?? ''}`)}
            </Button>
          ) : (
            s.fields.townshipHelp
          )
        }
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder={s.fields.townshipPlaceholder}
          options={meta.townships.map((t) => ({ value: t.code, label: t.name }))}
          onChange={() => form.setFieldValue('villageCode', undefined)}
          data-testid={`${p}-township`}
        />
      </Form.Item>
      <Form.Item name="villageCode" label={s.fields.village}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          disabled={!townshipCode}
          placeholder={s.fields.villagePlaceholder}
          options={villages.map((v) => ({ value: v.code, label: v.name }))}
          data-testid={`${p}-village`}
        />
      </Form.Item>
      <Form.Item name="address" label={s.fields.address}>
        <Input maxLength={200} placeholder={s.fields.addressPlaceholder} data-testid={`${p}-address`} />
      </Form.Item>
      <Form.Item name="categoryPath" label={s.fields.category}>
        <CategoryCascader categories={meta.categories} placeholder={s.fields.categoryPlaceholder} testId={`${p}-category`} />
      </Form.Item>
      <Form.Item name="photo" label={s.fields.photo}>
        <PhotoPicker testId={`${p}-photo`} />
      </Form.Item>
    </>
  );
}
