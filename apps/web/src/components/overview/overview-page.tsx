'use client';

import type { Assignment } from '@yunguan/contract';
import { Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { PageHeader } from '@/components/common/page-header';
import { useI18n } from '@/i18n/i18n-provider';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/lib/me-context';
import { permissionLabel } from '@/lib/permission-labels';
import { roleLabel } from '@/lib/role-label';

/** Who I am: account, roles (with scope), projects and effective permissions. */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { user } = me;
  const departmentName = (id: string | null) =>
    me.departments.find((d) => d.id === id)?.name ?? id ?? '—';

  const target = (a: Assignment) => {
    if (a.scope === 'platform') return t('role.scope.platform');
    if (a.scope === 'department') return departmentName(a.departmentId);
    return a.projectName ?? a.projectId ?? '—';
  };

  return (
    <>
      <PageHeader title={t('overview.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('overview.me')} data-testid="overview-me">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('overview.username')}>
                <span data-testid="overview-username">{user.username}</span>
                {me.isPlatformAdmin && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    {t('overview.platformAdmin')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.displayName')}>
                {user.displayName || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.email')}>{user.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('overview.department')}>
                {user.departmentName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.totp')}>
                {user.totpEnabled ? (
                  <Tag color="green">{t('common.yes')}</Tag>
                ) : (
                  <Tag>{t('common.no')}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.lastLogin')}>
                {formatDateTime(user.lastLoginAt, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.sessionExpires')}>
                {formatDateTime(me.session.expiresAt, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.via')}>
                {t(`overview.via.${me.session.via}`)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.roles')} data-testid="overview-roles">
            <Table<Assignment>
              size="small"
              pagination={false}
              rowKey={(a) => `${a.role}:${a.scope}:${a.departmentId ?? ''}:${a.projectId ?? ''}`}
              dataSource={user.roles}
              columns={[
                {
                  title: t('users.role'),
                  dataIndex: 'roleName',
                  render: (_: unknown, a: { role: string; roleName: string }) =>
                    roleLabel(t, a.role, a.roleName),
                },
                {
                  title: t('role.scope'),
                  dataIndex: 'scope',
                  render: (scope: Assignment['scope']) => <Tag>{t(`role.scope.${scope}`)}</Tag>,
                },
                { title: t('role.target'), render: (_, a) => target(a) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.projects')} data-testid="overview-projects">
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={me.projects}
              columns={[
                { title: t('common.project'), dataIndex: 'name' },
                { title: t('common.department'), dataIndex: 'departmentName' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.permissions')}>
            {me.permissions.map((p) => (
              <Tag key={p} title={p} style={{ marginBottom: 6 }}>
                {permissionLabel(p, t)}
              </Tag>
            ))}
          </Card>
        </Col>
      </Row>
    </>
  );
}
