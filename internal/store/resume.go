package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/plan"
	"github.com/studyplanner/studyplanner/internal/resume"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

type resumeProfileRow struct {
	ID                                              uint `gorm:"primaryKey"`
	Name, Headline, Email, Phone, Location, Summary string
}

func (resumeProfileRow) TableName() string { return "resume_profile" }

type resumeLinkRow struct {
	ID       uint `gorm:"primaryKey"`
	Position int
	Network  string
	URL      string `gorm:"column:url"`
}

func (resumeLinkRow) TableName() string { return "resume_links" }

type resumeWorkRow struct {
	ID         uint `gorm:"primaryKey"`
	Position   int
	Company    string
	Title      string
	URL        string `gorm:"column:url"`
	StartDate  string
	EndDate    string
	Summary    string
	Highlights string // one a line
}

func (resumeWorkRow) TableName() string { return "resume_work" }

type resumeEducationRow struct {
	ID          uint `gorm:"primaryKey"`
	Position    int
	Institution string
	Area        string
	StudyType   string
	URL         string `gorm:"column:url"`
	StartDate   string
	EndDate     string
}

func (resumeEducationRow) TableName() string { return "resume_education" }

type resumeCertificateRow struct {
	ID       uint `gorm:"primaryKey"`
	Position int
	Name     string
	Issuer   string
	Date     string
	URL      string `gorm:"column:url"`
}

func (resumeCertificateRow) TableName() string { return "resume_certificates" }

type resumeVersionRow struct {
	ID            uint `gorm:"primaryKey"`
	Name          string
	ApplicationID *uint
	Posting       string
	Created       string
}

func (resumeVersionRow) TableName() string { return "resume_versions" }

type versionItemRow struct {
	VersionID uint
	ItemID    uint
	Position  int
}

// ResumeParts loads the profile, work, education and certificates.
func (s *Store) ResumeParts() (resume.Parts, error) {
	var p resume.Parts
	err := s.read(func(tx *gorm.DB) (err error) { p, err = resumeParts(tx); return err })
	if err != nil {
		return resume.Parts{}, fmt.Errorf("loading the résumé: %w", err)
	}
	return p, nil
}

func resumeParts(tx *gorm.DB) (resume.Parts, error) {
	var p resume.Parts
	var prof resumeProfileRow
	if err := tx.Limit(1).Find(&prof, 1).Error; err != nil {
		return p, err
	}
	p.Profile = resume.Profile{Name: prof.Name, Headline: prof.Headline, Email: prof.Email, Phone: prof.Phone,
		Location: prof.Location, Summary: prof.Summary}
	var links []resumeLinkRow
	var work []resumeWorkRow
	var edu []resumeEducationRow
	var certs []resumeCertificateRow
	for _, q := range []any{&links, &work, &edu, &certs} {
		if err := tx.Scopes(byPosition).Find(q).Error; err != nil {
			return p, err
		}
	}
	for _, l := range links {
		p.Profile.Links = append(p.Profile.Links, resume.Link{Network: l.Network, URL: l.URL})
	}
	for _, w := range work {
		p.Work = append(p.Work, workOf(w))
	}
	for _, e := range edu {
		p.Education = append(p.Education, resume.Education{ID: e.ID, Institution: e.Institution, Area: e.Area, StudyType: e.StudyType,
			URL: e.URL, Start: resume.Date(e.StartDate), End: resume.Date(e.EndDate)})
	}
	for _, c := range certs {
		p.Certificates = append(p.Certificates, resume.Certificate{ID: c.ID, Name: c.Name, Issuer: c.Issuer, Date: resume.Date(c.Date), URL: c.URL})
	}
	return p, nil
}

func workOf(w resumeWorkRow) resume.Work {
	var hs []string
	if w.Highlights != "" {
		hs = strings.Split(w.Highlights, "\n")
	}
	return resume.Work{ID: w.ID, Company: w.Company, Position: w.Title, URL: w.URL, Start: resume.Date(w.StartDate),
		End: resume.Date(w.EndDate), Summary: w.Summary, Highlights: hs}
}

func profileColumns(p resume.Profile) columns {
	return columns{"name": strings.TrimSpace(p.Name), "headline": strings.TrimSpace(p.Headline), "email": strings.TrimSpace(p.Email),
		"phone": strings.TrimSpace(p.Phone), "location": strings.TrimSpace(p.Location), "summary": p.Summary}
}

// SaveProfile saves what the learner changed from before to after: the
// changed fields, and the links added or removed.
func (s *Store) SaveProfile(before, after resume.Profile) error {
	if err := resume.ValidateProfile(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO resume_profile (id) VALUES (1) ON CONFLICT DO NOTHING`).Error; err != nil {
			return err
		}
		if err := updateChanged(tx, "resume_profile", "id", 1, profileColumns(before), profileColumns(after), "profile"); err != nil {
			return err
		}
		return saveLinks(tx, before.Links, after.Links)
	}, "resume_links")
	if err != nil {
		return fmt.Errorf("saving the profile: %w", err)
	}
	return nil
}

func saveLinks(tx *gorm.DB, before, after []resume.Link) error {
	had, has := map[resume.Link]bool{}, map[resume.Link]bool{}
	for _, l := range before {
		had[l] = true
	}
	for _, l := range after {
		has[l] = true
	}
	for _, l := range before {
		if !has[l] {
			if err := tx.Where("network = ? AND url = ?", l.Network, l.URL).Delete(&resumeLinkRow{}).Error; err != nil {
				return err
			}
		}
	}
	for _, l := range after {
		if had[l] {
			continue
		}
		had[l] = true
		row := resumeLinkRow{Position: nextPosition(tx, "resume_links", "1 = 1"), Network: strings.TrimSpace(l.Network), URL: strings.TrimSpace(l.URL)}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
	}
	return nil
}

func workColumns(w resume.Work) columns {
	return columns{"company": strings.TrimSpace(w.Company), "title": strings.TrimSpace(w.Position), "url": strings.TrimSpace(w.URL),
		"start_date": string(w.Start), "end_date": string(w.End), "summary": w.Summary, "highlights": strings.Join(w.Highlights, "\n")}
}

func educationColumns(e resume.Education) columns {
	return columns{"institution": strings.TrimSpace(e.Institution), "area": strings.TrimSpace(e.Area), "study_type": strings.TrimSpace(e.StudyType),
		"url": strings.TrimSpace(e.URL), "start_date": string(e.Start), "end_date": string(e.End)}
}

func certificateColumns(c resume.Certificate) columns {
	return columns{"name": strings.TrimSpace(c.Name), "issuer": strings.TrimSpace(c.Issuer), "date": string(c.Date), "url": strings.TrimSpace(c.URL)}
}

// entries describes one of the résumé's lists of entries for the
// functions that add, save and delete them.
type entries[T any] struct {
	table, what string
	validate    func(T) error
	columns     func(T) columns
	id          func(T) uint
}

var (
	workEntries = entries[resume.Work]{"resume_work", "job", resume.ValidateWork, workColumns,
		func(w resume.Work) uint { return w.ID }}
	educationEntries = entries[resume.Education]{"resume_education", "education", resume.ValidateEducation, educationColumns,
		func(e resume.Education) uint { return e.ID }}
	certificateEntries = entries[resume.Certificate]{"resume_certificates", "certificate", resume.ValidateCertificate, certificateColumns,
		func(c resume.Certificate) uint { return c.ID }}
)

func (e entries[T]) add(s *Store, v T) (uint, error) {
	if err := e.validate(v); err != nil {
		return 0, err
	}
	var id uint
	err := s.write(func(tx *gorm.DB) (err error) { id, err = e.insert(tx, v, -1); return err }, e.table)
	if err != nil {
		return 0, fmt.Errorf("adding the %s: %w", e.what, err)
	}
	return id, nil
}

// insert writes a new row at position, or after the last when position is
// negative.
func (e entries[T]) insert(tx *gorm.DB, v T, position int) (uint, error) {
	row := e.columns(v)
	if position < 0 {
		position = nextPosition(tx, e.table, "1 = 1")
	}
	row["position"] = position
	if err := tx.Table(e.table).Create(map[string]any(row)).Error; err != nil {
		return 0, err
	}
	// The row just added has the highest id: ids only grow, and the
	// write transaction holds the learner's write lock on both engines.
	var id uint
	err := tx.Table(e.table).Select("MAX(id)").Scan(&id).Error
	return id, err
}

func (e entries[T]) update(s *Store, before, after T) error {
	if err := e.validate(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		return updateChanged(tx, e.table, "id", e.id(before), e.columns(before), e.columns(after), e.what)
	})
	if err != nil {
		return fmt.Errorf("saving the %s: %w", e.what, err)
	}
	return nil
}

func (e entries[T]) delete(s *Store, id uint) error {
	err := s.write(func(tx *gorm.DB) error {
		return rowsChanged(tx.Exec("DELETE FROM "+e.table+" WHERE id = ?", id), e.what)
	})
	if err != nil {
		return fmt.Errorf("deleting the %s: %w", e.what, err)
	}
	return nil
}

// AddWork stores a new job at the end of the list and returns its ID.
func (s *Store) AddWork(w resume.Work) (uint, error) { return workEntries.add(s, w) }

// UpdateWork saves the fields of a job changed from before to after.
func (s *Store) UpdateWork(before, after resume.Work) error {
	return workEntries.update(s, before, after)
}

// DeleteWork removes a job.
func (s *Store) DeleteWork(id uint) error { return workEntries.delete(s, id) }

// AddEducation stores a new course of study and returns its ID.
func (s *Store) AddEducation(e resume.Education) (uint, error) { return educationEntries.add(s, e) }

// UpdateEducation saves the fields changed from before to after.
func (s *Store) UpdateEducation(before, after resume.Education) error {
	return educationEntries.update(s, before, after)
}

// DeleteEducation removes a course of study.
func (s *Store) DeleteEducation(id uint) error { return educationEntries.delete(s, id) }

// AddCertificate stores a new certificate or course and returns its ID.
func (s *Store) AddCertificate(c resume.Certificate) (uint, error) {
	return certificateEntries.add(s, c)
}

// UpdateCertificate saves the fields changed from before to after.
func (s *Store) UpdateCertificate(before, after resume.Certificate) error {
	return certificateEntries.update(s, before, after)
}

// DeleteCertificate removes a certificate.
func (s *Store) DeleteCertificate(id uint) error { return certificateEntries.delete(s, id) }

// ImportResume stores what a JSON Resume import adds (resume.Merge): the
// profile's changed fields and links, and the new entries, in one
// transaction.
func (s *Store) ImportResume(before resume.Parts, changes resume.Changes, after resume.Profile) error {
	if err := resume.ValidateProfile(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO resume_profile (id) VALUES (1) ON CONFLICT DO NOTHING`).Error; err != nil {
			return err
		}
		if err := updateChanged(tx, "resume_profile", "id", 1, profileColumns(before.Profile), profileColumns(after), "profile"); err != nil {
			return err
		}
		if err := saveLinks(tx, before.Profile.Links, after.Links); err != nil {
			return err
		}
		return insertEntries(tx, changes.AddedWork, changes.AddedEducation, changes.AddedCertificates)
	}, "resume_links", "resume_work", "resume_education", "resume_certificates")
	if err != nil {
		return fmt.Errorf("importing the résumé: %w", err)
	}
	return nil
}

func insertEntries(tx *gorm.DB, work []resume.Work, edu []resume.Education, certs []resume.Certificate) error {
	for _, w := range work {
		if _, err := workEntries.insert(tx, w, -1); err != nil {
			return err
		}
	}
	for _, e := range edu {
		if _, err := educationEntries.insert(tx, e, -1); err != nil {
			return err
		}
	}
	for _, c := range certs {
		if _, err := certificateEntries.insert(tx, c, -1); err != nil {
			return err
		}
	}
	return nil
}

// ResumeVersions loads the tailored versions, newest first.
func (s *Store) ResumeVersions() ([]resume.Version, error) {
	var out []resume.Version
	err := s.read(func(tx *gorm.DB) (err error) { out, err = resumeVersions(tx); return err })
	if err != nil {
		return nil, fmt.Errorf("loading the résumé versions: %w", err)
	}
	return out, nil
}

func resumeVersions(tx *gorm.DB) ([]resume.Version, error) {
	var rows []resumeVersionRow
	if err := tx.Order("created DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	skills, err := versionItems(tx, "resume_version_skills", "skill_id")
	if err != nil {
		return nil, err
	}
	projects, err := versionItems(tx, "resume_version_projects", "project_id")
	if err != nil {
		return nil, err
	}
	out := make([]resume.Version, len(rows))
	for i, r := range rows {
		created, _ := time.Parse(time.RFC3339, r.Created)
		out[i] = resume.Version{ID: r.ID, Name: r.Name, ApplicationID: r.ApplicationID, Posting: r.Posting,
			SkillIDs: skills[r.ID], ProjectIDs: projects[r.ID], Created: created}
	}
	return out, nil
}

func versionItems(tx *gorm.DB, table, column string) (map[uint][]uint, error) {
	var rows []versionItemRow
	err := tx.Raw("SELECT version_id, " + column + " AS item_id, position FROM " + table + " ORDER BY version_id, position").Scan(&rows).Error
	out := map[uint][]uint{}
	for _, r := range rows {
		out[r.VersionID] = append(out[r.VersionID], r.ItemID)
	}
	return out, err
}

func versionColumns(v resume.Version) columns {
	return columns{"name": strings.TrimSpace(v.Name), "application_id": v.ApplicationID, "posting": v.Posting}
}

// AddVersion stores a new tailored version and returns its ID.
func (s *Store) AddVersion(v resume.Version) (uint, error) {
	v.Name = strings.TrimSpace(v.Name)
	if err := resume.ValidateVersion(v); err != nil {
		return 0, err
	}
	if v.Created.IsZero() {
		v.Created = time.Now()
	}
	row := resumeVersionRow{Name: v.Name, ApplicationID: v.ApplicationID, Posting: v.Posting, Created: v.Created.UTC().Format(time.RFC3339)}
	err := s.write(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := writeVersionItems(tx, row.ID, v); err != nil {
			return err
		}
		return recordSent(tx, row.ID, v.ApplicationID)
	}, "resume_versions")
	if err != nil {
		return 0, versionError(v.Name, err)
	}
	return row.ID, nil
}

// UpdateVersion saves what changed from before to after: the name, the
// application, the posting, and the skills or projects when their choice
// or order changed.
func (s *Store) UpdateVersion(before, after resume.Version) error {
	if err := resume.ValidateVersion(after); err != nil {
		return err
	}
	err := s.write(func(tx *gorm.DB) error {
		if err := updateChanged(tx, "resume_versions", "id", before.ID, versionColumns(before), versionColumns(after), "résumé version"); err != nil {
			return err
		}
		if !sameID(before.ApplicationID, after.ApplicationID) {
			if err := recordSent(tx, before.ID, after.ApplicationID); err != nil {
				return err
			}
		}
		if !slices.Equal(before.SkillIDs, after.SkillIDs) {
			if err := tx.Exec("DELETE FROM resume_version_skills WHERE version_id = ?", before.ID).Error; err != nil {
				return err
			}
			if err := insertItems(tx, "resume_version_skills", "skill_id", before.ID, after.SkillIDs); err != nil {
				return err
			}
		}
		if !slices.Equal(before.ProjectIDs, after.ProjectIDs) {
			if err := tx.Exec("DELETE FROM resume_version_projects WHERE version_id = ?", before.ID).Error; err != nil {
				return err
			}
			return insertItems(tx, "resume_version_projects", "project_id", before.ID, after.ProjectIDs)
		}
		return nil
	})
	if err != nil {
		return versionError(after.Name, err)
	}
	return nil
}

// recordSent marks the version as the résumé sent with the application,
// writing that one column of the application; an application deleted
// meanwhile is left alone (the version still names it, as the job search
// keeps no foreign key either).
func recordSent(tx *gorm.DB, versionID uint, applicationID *uint) error {
	if applicationID == nil {
		return nil
	}
	return tx.Exec("UPDATE applications SET resume_version_id = ? WHERE id = ? AND resume_version_id IS DISTINCT FROM ?",
		versionID, *applicationID, versionID).Error
}

func sameID(a, b *uint) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func writeVersionItems(tx *gorm.DB, id uint, v resume.Version) error {
	if err := insertItems(tx, "resume_version_skills", "skill_id", id, v.SkillIDs); err != nil {
		return err
	}
	return insertItems(tx, "resume_version_projects", "project_id", id, v.ProjectIDs)
}

func insertItems(tx *gorm.DB, table, column string, versionID uint, ids []uint) error {
	for i, id := range ids {
		err := tx.Exec("INSERT INTO "+table+" (version_id, "+column+", position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", versionID, id, i).Error
		if err != nil {
			return err
		}
	}
	return nil
}

func versionError(name string, err error) error {
	if isUniqueViolation(err) {
		return fmt.Errorf("a résumé version called %q %w; choose another name", name, ErrDuplicate)
	}
	return fmt.Errorf("saving the résumé version %q: %w", name, err)
}

// DeleteVersion removes a tailored version.
func (s *Store) DeleteVersion(id uint) error {
	err := s.write(func(tx *gorm.DB) error {
		return rowsChanged(tx.Exec("DELETE FROM resume_versions WHERE id = ?", id), "résumé version")
	})
	if err != nil {
		return fmt.Errorf("deleting the résumé version: %w", err)
	}
	return nil
}

// documentResume is the résumé for an export; nil when the learner has
// written none.
func documentResume(tx *gorm.DB, skills map[uint]string, projects []plan.Project) (*snapshot.Resume, error) {
	parts, err := resumeParts(tx)
	if err != nil {
		return nil, err
	}
	versions, err := resumeVersions(tx)
	if err != nil {
		return nil, err
	}
	names := map[uint]string{}
	for _, p := range projects {
		names[p.ID] = p.Name
	}
	r := snapshot.ResumeOf(parts, versions, skills, names)
	if r.Empty() {
		return nil, nil
	}
	return r, nil
}

// insertResume writes a validated document's résumé into empty tables.
func insertResume(tx *gorm.DB, r *snapshot.Resume, skillIDs map[string]uint) error {
	if r == nil {
		return nil
	}
	p := r.Parts()
	pr := resumeProfileRow{ID: 1, Name: p.Profile.Name, Headline: p.Profile.Headline, Email: p.Profile.Email, Phone: p.Profile.Phone,
		Location: p.Profile.Location, Summary: p.Profile.Summary}
	if err := tx.Create(&pr).Error; err != nil {
		return fmt.Errorf("writing the résumé's profile: %w", err)
	}
	for i, l := range p.Profile.Links {
		if err := tx.Create(&resumeLinkRow{Position: i, Network: l.Network, URL: l.URL}).Error; err != nil {
			return fmt.Errorf("writing the profile's links: %w", err)
		}
	}
	if err := insertEntries(tx, p.Work, p.Education, p.Certificates); err != nil {
		return fmt.Errorf("writing the résumé: %w", err)
	}
	var projects []struct {
		ID   uint
		Name string
	}
	if err := tx.Raw("SELECT id, name FROM projects").Scan(&projects).Error; err != nil {
		return err
	}
	projectIDs := map[string]uint{}
	for _, pr := range projects {
		projectIDs[pr.Name] = pr.ID
	}
	for _, v := range r.Versions {
		created, _ := time.Parse(time.RFC3339, v.Created)
		row := resumeVersionRow{Name: v.Name, ApplicationID: v.ApplicationID, Posting: v.Posting, Created: created.UTC().Format(time.RFC3339)}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("writing the résumé version %q: %w", v.Name, err)
		}
		rv := resume.Version{}
		for _, s := range v.Skills {
			rv.SkillIDs = append(rv.SkillIDs, skillIDs[s])
		}
		for _, p := range v.Projects {
			rv.ProjectIDs = append(rv.ProjectIDs, projectIDs[p])
		}
		if err := writeVersionItems(tx, row.ID, rv); err != nil {
			return fmt.Errorf("writing the résumé version %q: %w", v.Name, err)
		}
	}
	return nil
}
