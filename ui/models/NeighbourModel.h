#pragma once

#include <search/SearchTypes.h>

#include <QAbstractTableModel>

#include <vector>

namespace memscope::ui {

// The lessons nearest to a record: possible duplicates (nearly the same text) and possible conflicts (a
// similar lesson of the same task type with the opposite outcome), with their outcome and similarity.
class NeighbourModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SimilarityColumn, FlagColumn, OutcomeColumn, TaskTypeColumn, LessonColumn, ColumnCount };
    enum Role { RecordIdRole = Qt::UserRole + 1 };
    enum class Flag { None, Duplicate, Conflict };

    static constexpr double kDuplicateSimilarity = 0.92;
    static constexpr double kConflictSimilarity = 0.55;

    explicit NeighbourModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The hits of a search with `record`'s text; the record itself is left out.
    void setNeighbours(const MemoryRecord& record, std::vector<SearchHit> hits);
    Flag flag(int row) const;
    QString recordId(int row) const;

    static Flag classify(const MemoryRecord& record, const SearchHit& hit);

private:
    std::vector<SearchHit> m_hits;
    std::vector<Flag> m_flags;
};

} // namespace memscope::ui
