import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Result, Steps } from 'antd';
import { useState } from 'react';
import type { CategoryInfo, ImportPreview } from '../../../core/protocol/credit.js';
import { Page } from '../../common/Page.js';
import { categoriesQuery, unitsQuery } from '../../lib/queries.js';
import { navigate } from '../../lib/router.js';
import { useCan } from '../../lib/session.js';
import { batchCreated } from '../batchCache.js';
import { BATCHES_PATH, batchPath } from '../paths.js';
import { ConfirmStep } from './ConfirmStep.js';
import { PreviewStep } from './PreviewStep.js';
import { UploadStep } from './UploadStep.js';

const STEPS = [{ title: '选择文件' }, { title: '检查预览' }, { title: '确认导入' }];

/** 导入名单: upload -> preview every row's issues -> confirm a draft batch, then open it. */
export function ImportWizard() {
  const units = useQuery(unitsQuery);
  const categories = useQuery(categoriesQuery);
  const client = useQueryClient();
  const canEdit = useCan('edit-lists');
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [upload, setUpload] = useState<{
    preview: ImportPreview;
    category: CategoryInfo;
    unitId: string;
  } | null>(null);

  if (!canEdit) return <Result status="403" title="当前角色无权导入名单" />;
  const back = () => navigate(BATCHES_PATH);
  const restart = () => {
    setUpload(null);
    setStep(0);
  };

  return (
    <Page
      title="导入名单"
      error={units.error ?? categories.error}
      onRetry={() => {
        void units.refetch();
        void categories.refetch();
      }}
    >
      <Steps current={step} items={STEPS} style={{ maxWidth: 720 }} />
      {step === 0 && (
        <UploadStep
          units={units.data ?? []}
          categories={categories.data ?? []}
          onCancel={back}
          onUploaded={(preview, category, unitId) => {
            setUpload({ preview, category, unitId });
            setStep(1);
          }}
        />
      )}
      {step === 1 && upload && (
        <PreviewStep preview={upload.preview} onBack={restart} onNext={() => setStep(2)} />
      )}
      {step === 2 && upload && (
        <ConfirmStep
          preview={upload.preview}
          unit={units.data?.find((u) => u.id === upload.unitId)}
          category={upload.category}
          onBack={() => setStep(1)}
          onRestart={restart}
          onConfirmed={(batch) => {
            batchCreated(client, batch);
            void message.success(`已导入 ${batch.entries} 条，批次为草稿`);
            navigate(batchPath(batch.id));
          }}
        />
      )}
    </Page>
  );
}
