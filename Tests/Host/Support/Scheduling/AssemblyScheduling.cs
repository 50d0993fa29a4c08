using Xunit;

// The test collections run in parallel (xunit.runner.json: most of their time is spent waiting on the firmware's own
// timing, not computing), long-running ones first.
[assembly: TestCollectionOrderer("DcMonitor.Tests.Support.Scheduling.LongestFirstOrderer", "DcMonitor.Tests")]
