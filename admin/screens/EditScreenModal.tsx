import type { ScreenStatus } from '../../core/protocol/events.js';
import type { Group, Hall, ScreenUpdate } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { FormModal } from '../common/FormModal.js';
import { call } from '../lib/client.js';
import { LAYOUT_LABELS, presetById, presetIdFor } from './labels.js';
import { ScreenFields, type ScreenFieldValues } from './ScreenFields.js';

interface Props {
  screen: ScreenStatus;
  halls: Hall[];
  groups: Group[];
  onClose: () => void;
  onSaved: (screen: ScreenStatus) => void;
}

const KEEP = 'current';

/** Renames or moves a screen, or changes its preset; sends only the canvas when it changed. */
export function EditScreenModal({ screen, halls, groups, onClose, onSaved }: Props) {
  // Keep the screen's hall selectable even if the hall list failed to load or lags behind.
  const hallOptions = halls.some((h) => h.id === screen.hallId)
    ? halls
    : [...halls, { id: screen.hallId, name: screen.hallName }];
  const matched = presetIdFor(screen.layout, screen.canvas);
  const { width, height } = screen.canvas;
  const currentOption = matched
    ? undefined
    : { value: KEEP, label: `当前：${LAYOUT_LABELS[screen.layout] ?? screen.layout} ${width}×${height}` };

  const save = async (values: ScreenFieldValues) => {
    const body: ScreenUpdate = {
      name: values.name.trim(),
      hallId: values.hallId,
      groupId: values.groupId ?? null,
    };
    const preset = values.presetId === KEEP ? undefined : presetById(values.presetId);
    if (preset && values.presetId !== matched) Object.assign(body, preset);
    onSaved(await call(routes.screens.update, { params: { id: screen.id }, body }));
  };

  return (
    <FormModal<ScreenFieldValues>
      title={`编辑屏幕：${screen.name}`}
      initialValues={{
        name: screen.name,
        hallId: screen.hallId,
        groupId: screen.groupId,
        presetId: matched ?? KEEP,
      }}
      fields={['name', 'hallId', 'groupId']}
      save={save}
      onClose={onClose}
      submitTestId="edit-screen-submit"
    >
      <ScreenFields
        halls={hallOptions}
        groups={groups}
        currentOption={currentOption}
        testidPrefix="edit-screen"
      />
    </FormModal>
  );
}
