import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the boundary guards, for the message ("the Response screen"). */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A render error stays inside the screen that threw it: the rest of the app (and whatever was typed in
 * the other screens) keeps working, and the user can try again.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="banner error">
        <strong>Something went wrong in {this.props.name}.</strong> {this.state.error.message}
        <div className="row" style={{ marginTop: 8 }}>
          <button type="button" className="small" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
