#pragma once

#include "store/AgentRunLauncher.h"

#include <agent/PackLibrary.h>

#include <QDialog>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace memscope::ui {

// Run Task: a task pack, one of its tasks or all of them in turn, whose memory the run reads and writes
// (the user), how many episodes, memory on or off (the ablation) and a version tag for the runs and their
// lessons. Packs come from the pack folders (PackLibrary); a pack that cannot be used is listed with why.
// "Learning curve" runs each episode with and without memory; the endpoint (when there are several) and,
// folded away under Advanced, the prefetch's budget and filters and the writeback mode complete the request.
class RunTaskDialog : public QDialog {
    Q_OBJECT
public:
    explicit RunTaskDialog(const PackLibrary& library, QWidget* parent = nullptr);

    RunRequest request() const;
    // Preselects a pack by name (false when it is not listed or not usable).
    bool selectPack(const QString& name);
    // The provider profiles to choose from; hidden with fewer than two. `current` is preselected.
    void setEndpoints(const QStringList& names, const QString& current);

    QComboBox* packBox() const { return m_pack; }
    QComboBox* taskBox() const { return m_task; }
    QLineEdit* userField() const { return m_user; }
    QSpinBox* episodesBox() const { return m_episodes; }
    QCheckBox* memoryCheck() const { return m_memory; }
    QLineEdit* versionField() const { return m_version; }
    QCheckBox* curveCheck() const { return m_curve; }
    QComboBox* endpointBox() const { return m_endpoint; }
    QToolButton* advancedToggle() const { return m_advanced; } // checked: the Advanced options unfolded
    QSpinBox* budgetBox() const { return m_budget; }
    QSpinBox* perOutcomeBox() const { return m_perOutcome; }
    QLineEdit* toolFilterField() const { return m_toolFilter; }
    QLineEdit* versionFilterField() const { return m_versionFilter; }
    QSpinBox* sinceDaysBox() const { return m_sinceDays; }
    QCheckBox* queuedCheck() const { return m_queued; }
    QPushButton* runButton() const { return m_run; }

private:
    void loadPack();
    void updateEpisodes();
    void updateState();

    PackLibrary m_library;
    std::vector<PackLibrary::Entry> m_entries;
    std::optional<TaskPack> m_loaded;
    QComboBox* m_pack;
    QLabel* m_about;
    QComboBox* m_task;
    QLineEdit* m_user;
    QSpinBox* m_episodes;
    QCheckBox* m_memory;
    QLineEdit* m_version;
    QCheckBox* m_curve;
    QLabel* m_endpointLabel;
    QComboBox* m_endpoint;
    QToolButton* m_advanced;
    QWidget* m_advancedBody;
    QSpinBox* m_budget;
    QSpinBox* m_perOutcome;
    QLineEdit* m_toolFilter;
    QLineEdit* m_versionFilter;
    QSpinBox* m_sinceDays;
    QCheckBox* m_queued;
    QPushButton* m_run;
};

} // namespace memscope::ui
