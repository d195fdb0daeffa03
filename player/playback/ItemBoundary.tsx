import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Canvas, Layout } from '../../core/manifest/types.js';
import { Poster } from '../render/index.js';

interface Props {
  children: ReactNode;
  onError: (code: string, message: string) => void;
  canvas: Canvas;
  layout: Layout;
}

/**
 * Catches a renderer that throws: the item is reported and skipped, and the layer shows the
 * built-in poster rather than an error page or nothing.
 */
export class ItemBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError('render_threw', error.message.slice(0, 300));
  }

  override render(): ReactNode {
    if (this.state.failed) return <Poster canvas={this.props.canvas} layout={this.props.layout} />;
    return this.props.children;
  }
}
