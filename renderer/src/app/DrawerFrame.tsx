// The frame every side drawer shares: the dimmed backdrop (a click on it closes), the dialog with
// its labelled title, the head with hint, badges and the × button. The body and foot are children.
import { useId, type KeyboardEventHandler, type ReactNode, type Ref } from 'react';

export function DrawerFrame(props: {
  /** Classes after `drawer`, e.g. "order-drawer". */
  className: string;
  testId: string;
  title: ReactNode;
  /** Shown muted beside the title. */
  hint?: ReactNode;
  /** Badges and the like between the title and the × button. */
  headExtra?: ReactNode;
  closeLabel: string;
  /** The × button's data-testid, when the drawer has one. */
  closeTestId?: string;
  closeAutoFocus?: boolean;
  onClose: () => void;
  /** When the drawer refers to its title id elsewhere (e.g. a nested confirmation). */
  titleId?: string;
  rootRef?: Ref<HTMLDivElement>;
  onKeyDown?: KeyboardEventHandler<HTMLDivElement>;
  children: ReactNode;
}) {
  const ownTitleId = useId();
  const titleId = props.titleId ?? ownTitleId;
  const { onClose } = props;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={props.rootRef}
        className={`drawer ${props.className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
        onKeyDown={props.onKeyDown}
      >
        <div className="drawer-head">
          <h2 id={titleId} className="drawer-title">
            {props.title}
          </h2>
          {props.hint !== undefined && <span className="muted small">{props.hint}</span>}
          {props.headExtra}
          <span className="spacer" />
          <button type="button" className="icon-button" onClick={onClose} title={props.closeLabel} aria-label={props.closeLabel} data-testid={props.closeTestId} autoFocus={props.closeAutoFocus}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}
