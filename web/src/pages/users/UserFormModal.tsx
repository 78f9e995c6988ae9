import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { FEED_SOURCES, type FeedSourceCode } from '#common/domain/feeds/sources.ts';
import { levelOfCode } from '#common/domain/org-code.ts';
import { ORG_LEVEL_LABELS, ROLE_LABELS, ROLE_LEVELS, ROLES, type Role } from '#common/domain/roles.ts';
import { createUser, updateUser, type UserRow } from '#web/api/users.ts';
import { useFormMutation } from '#web/components/useFormMutation.tsx';
import { useI18n } from '#web/i18n/useI18n.ts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  phone?: string;
  feedSource?: FeedSourceCode;
  password?: string;
  active: boolean;
}

interface Props {
  /** The user being edited, or null to create one. */
  editing: UserRow | null;
  open: boolean;
  onClose: () => void;
  onSaved: (user: UserRow) => void;
}

const blankToUndefined = (value?: string) => (value && value.trim() !== '' ? value.trim() : undefined);

export function UserFormModal({ editing, open, onClose, onSaved }: Props) {
  const { t, label, language } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const allowedLevels = role ? ROLE_LEVELS[role] : undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        ...editing,
        feedSource: (editing.feedSource ?? undefined) as FeedSourceCode | undefined,
        password: undefined,
      });
  }, [open, editing, form]);

  const { mutation, errorAlert } = useFormMutation(form, {
    mutationFn: (values: UserFormValues) =>
      editing
        ? updateUser(editing.id, {
            displayName: values.displayName,
            role: values.role,
            orgCode: values.orgCode,
            active: values.active,
            password: blankToUndefined(values.password),
          })
        : createUser({
            username: values.username,
            displayName: values.displayName,
            role: values.role,
            orgCode: values.orgCode,
            phone: blankToUndefined(values.phone),
            feedSource: values.role === 'department' ? values.feedSource : undefined,
            password: values.password ?? '',
          }),
    onSuccess: onSaved,
  });
  const required = { required: true, message: t('users.required') };

  return (
    <Modal
      open={open}
      title={editing ? `${t('users.editTitle')} · ${editing.username}` : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      forceRender
    >
      {errorAlert}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={{ active: true }}
        onFinish={(values) => mutation.mutate(values)}
      >
        {!editing && (
          <Form.Item name="username" label={t('users.username')} extra={t('users.usernameHint')} rules={[required]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required]}>
          <Select options={ROLES.map((value) => ({ value, label: label(ROLE_LABELS[value]) }))} />
        </Form.Item>
        {!editing && role === 'department' && (
          <Form.Item
            name="feedSource"
            label={language === 'en' ? 'Data source' : '数据来源'}
            rules={[required]}
            extra={language === 'en' ? 'The department data this account may push' : '该账号只能报送此来源的部门数据'}
          >
            <Select options={FEED_SOURCES.map((s) => ({ value: s.code, label: s.zh }))} />
          </Form.Item>
        )}
        <Form.Item
          name="orgCode"
          label={t('users.org')}
          dependencies={['role']}
          extra={
            allowedLevels &&
            t('users.roleLevelHint') + allowedLevels.map((level) => label(ORG_LEVEL_LABELS[level])).join('、')
          }
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, code?: string) => {
                const chosenRole = getFieldValue('role') as Role | undefined;
                if (!code || !chosenRole || ROLE_LEVELS[chosenRole].includes(levelOfCode(code)))
                  return Promise.resolve();
                const levels = ROLE_LEVELS[chosenRole].map((level) => label(ORG_LEVEL_LABELS[level])).join('、');
                return Promise.reject(new Error(t('users.roleLevelHint') + levels));
              },
            }),
          ]}
        >
          <OrgUnitPicker allowedLevels={allowedLevels} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="phone"
            label={t('users.phone')}
            rules={[{ pattern: /^1\d{10}$/, message: t('users.phoneInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={11} />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={editing ? t('users.resetPassword') : t('users.password')}
          extra={editing ? t('users.resetPasswordHint') : t('password.newHint')}
          rules={[...(editing ? [] : [required]), { min: 10, message: t('password.tooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('users.status')} valuePropName="checked">
            <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
