'use client';

import { Select } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useCurrentProject } from '@/lib/current-project';
import { useMe } from '@/lib/me-context';

/** The project resource pages work in; the choice is remembered in the browser. */
export function ProjectSwitcher() {
  const { t } = useI18n();
  const { projects } = useMe();
  const { projectId, setProjectId } = useCurrentProject();
  return (
    <Select
      style={{ minWidth: 220 }}
      value={projectId}
      onChange={setProjectId}
      placeholder={projects.length ? t('shell.project') : t('shell.noProject')}
      disabled={projects.length === 0}
      showSearch={{ optionFilterProp: 'label' }}
      options={projects.map((p) => ({
        value: p.id,
        label: `${p.departmentName} / ${p.name}`,
      }))}
      aria-label={t('shell.project')}
      data-testid="project-switcher"
    />
  );
}
