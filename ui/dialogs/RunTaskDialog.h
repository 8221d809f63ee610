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

namespace memscope::ui {

// Run Task: a task pack, one of its tasks or all of them in turn, whose memory the run reads and writes
// (the user), how many episodes, memory on or off (the ablation) and a version tag for the runs and their
// lessons. Packs come from the pack folders (PackLibrary); a pack that cannot be used is listed with why.
class RunTaskDialog : public QDialog {
    Q_OBJECT
public:
    explicit RunTaskDialog(const PackLibrary& library, QWidget* parent = nullptr);

    RunRequest request() const;
    // Preselects a pack by name (false when it is not listed or not usable).
    bool selectPack(const QString& name);

    QComboBox* packBox() const { return m_pack; }
    QComboBox* taskBox() const { return m_task; }
    QLineEdit* userField() const { return m_user; }
    QSpinBox* episodesBox() const { return m_episodes; }
    QCheckBox* memoryCheck() const { return m_memory; }
    QLineEdit* versionField() const { return m_version; }
    QPushButton* runButton() const { return m_run; }

private:
    void loadPack();
    void updateEpisodes();

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
    QPushButton* m_run;
};

} // namespace memscope::ui
