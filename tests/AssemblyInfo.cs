// torch's random generator is process-global: tests that seed it and train must not interleave,
// or the same seed gives different weights. Sequential tests keep every seeded result reproducible.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
