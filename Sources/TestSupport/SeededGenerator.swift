import Demo

/// The tests draw from the project's one seeded generator (Demo's SplitMix64).
public typealias SeededGenerator = Demo.SeededGenerator
