#pragma once

namespace memscope {

class Connection;

// The versioned schema. A database is brought up to kCurrentVersion one migration at a time inside one
// transaction; a database from a newer Memscope is refused untouched.
class Schema {
public:
    static constexpr int kCurrentVersion = 4;
    // 'MEMS': tells a Memscope database from any other SQLite file.
    static constexpr int kApplicationId = 0x4D454D53;

    // Checks the file and migrates it (unless read-only). Throws Error(NewerSchema / NotMemscope / Corrupt /
    // ReadOnly) with the path in the message.
    static void prepare(Connection& connection);

    // Refuses a file that is not a database, another application's database or a newer schema, reading only:
    // called before anything (even the switch to WAL) writes to the file.
    static void check(Connection& connection);

    // For tests: bring a fresh file only up to `version`.
    static void migrateTo(Connection& connection, int version);

    static int version(Connection& connection);
};

} // namespace memscope
