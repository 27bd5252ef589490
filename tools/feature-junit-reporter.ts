import type { TestModule } from 'vitest/node';
import { JUnitReporter } from 'vitest/reporters';

type Task = TestModule['task']['tasks'][number];

/**
 * Vitest's JUnit reporter names a test "describe > test". Our test titles start with the feature ID they prove
 * (`ACCESS-04 locks …`), and the JUnit report is how anyone sees which features are proven, so each testcase is
 * named by the test's own title, with its describe path after it in brackets.
 */
function flatten(task: Task, path: string[]): Task[] {
  if (task.type === 'suite') return task.tasks.flatMap((child) => flatten(child, [...path, task.name]));
  return [{ ...task, name: path.length > 0 ? `${task.name} [${path.join(' > ')}]` : task.name }];
}

export class FeatureJUnitReporter extends JUnitReporter {
  override async onTestRunEnd(testModules: ReadonlyArray<TestModule>, ...rest: unknown[]): Promise<void> {
    const flat = testModules.map((m) => ({
      task: { ...m.task, tasks: m.task.tasks.flatMap((t) => flatten(t, [])) },
    }));
    const parent = JUnitReporter.prototype.onTestRunEnd as (...args: unknown[]) => Promise<void>;
    await parent.call(this, flat, ...rest);
  }
}
