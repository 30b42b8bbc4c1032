'use client';

import { useQuery } from '@tanstack/react-query';
import { getImage } from '@yunguan/contract';
import { Flex, Typography } from 'antd';
import { queryOptionsFor } from '@/lib/api';

/** An image by its name, the cloud's id as copyable secondary text (the name is looked up;
 * an image that is gone or hidden shows only its id). */
export function ImageName(props: {
  projectId: string | null;
  datacenterId: string;
  imageId: string | null;
}) {
  const { projectId, datacenterId, imageId } = props;
  const query = useQuery({
    ...queryOptionsFor(getImage, {
      params: { projectId: projectId ?? '', imageId: imageId ?? '' },
      query: { datacenterId },
    }),
    enabled: Boolean(projectId && imageId),
    retry: false,
  });
  if (!imageId) return '—';
  return (
    <Flex vertical data-testid="server-overview-image">
      {query.data && <span>{query.data.name}</span>}
      <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
        {imageId}
      </Typography.Text>
    </Flex>
  );
}
