/** 站内消息: the inbox with its unread count; opening a message marks it read. */
import { CheckOutlined, MailOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AsyncContent } from '../../../components/async-content.js';
import { useErrorMessage } from '../../../components/error-message.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n/i18n-context.js';
import { notifyError } from '../../../lib/notify.js';
import { INBOX_KEY, markInboxRead, useInbox, type Inbox } from '../api/reports.api.js';

export function InboxPanel({ csrf }: { csrf: string | null }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const inbox = useInbox();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);

  const markRead = async (ids: number[] | 'all') => {
    // Shown as read at once; the server is told in the background.
    queryClient.setQueryData<Inbox>(INBOX_KEY, (old) =>
      old ? { items: old.items.map((i) => (ids === 'all' || ids.includes(i.id) ? { ...i, read: true } : i)), unread: ids === 'all' ? 0 : old.items.filter((i) => !i.read && !ids.includes(i.id)).length } : old,
    );
    try {
      await markInboxRead(ids, csrf);
    } catch (e) {
      void notifyError(errorMessage(e as Error));
    } finally {
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
    }
  };

  const unread = inbox.data?.unread ?? 0;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <MailOutlined />
          <span>{t('todo.inbox')}</span>
          <Badge count={unread} overflowCount={99} data-testid="inbox-unread" title={t('todo.unread', { n: unread })} />
        </Flex>
      }
      extra={
        <Button
          size="small"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await markRead('all');
            setBusy(false);
          }}
          data-testid="inbox-read-all"
        >
          {t('todo.readAll')}
        </Button>
      }
      data-testid="inbox"
    >
      <AsyncContent query={inbox}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.inboxEmpty')} />
          ) : (
            <Flex vertical style={{ maxHeight: 640, overflowY: 'auto' }}>
              {data.items.map((item) => (
                <div
                  key={item.id}
                  data-testid="inbox-item"
                  data-read={item.read ? 'true' : 'false'}
                  style={{ padding: '8px 4px', borderBottom: `1px solid ${token.colorBorderSecondary}`, background: item.read ? undefined : token.colorPrimaryBg }}
                >
                  <Flex justify="space-between" gap={8} align="baseline">
                    <Typography.Text strong={!item.read} style={{ minWidth: 0 }}>
                      {item.link ? (
                        <a
                          href={item.link}
                          onClick={(e) => {
                            e.preventDefault();
                            if (!item.read) void markRead([item.id]);
                            void navigate(item.link!);
                          }}
                        >
                          {item.title}
                        </a>
                      ) : (
                        item.title
                      )}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </Flex>
                  <Flex justify="space-between" gap={8} align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {item.body}
                    </Typography.Text>
                    {!item.read ? (
                      <Button type="link" size="small" onClick={() => void markRead([item.id])} data-testid="inbox-mark-read">
                        {t('todo.markRead')}
                      </Button>
                    ) : null}
                  </Flex>
                </div>
              ))}
            </Flex>
          )
        }
      </AsyncContent>
    </Card>
  );
}
