import { Component, type ReactNode } from "react";
import { Banner } from "../../../components/Banner";
import { describeError, toAppError } from "../../../lib/errors";

type Props = { what: string; children: ReactNode };

/** A tab that fails to load or render says so in the panel, instead of blanking the app. */
export class TabErrorBoundary extends Component<Props, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="panel-body" role="tabpanel">
        <Banner>
          Could not open {this.props.what}: {describeError(toAppError(this.state.error))}
        </Banner>
      </div>
    );
  }
}
