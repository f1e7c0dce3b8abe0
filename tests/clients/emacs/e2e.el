;;; e2e.el --- stet in Emacs Eglot, batch mode, through editors/emacs/stet.el  -*- lexical-binding: t -*-

;; Opens the example draft in a Markdown buffer, checks the diagnostics stet pushes (with a
;; rule's severity set through `stet-settings'), hover on a name, and applies the
;; insert-citation fix.  Run without -Q (Debian's site-start puts elpa-eglot on the load-path):
;;   STET=/abs/stet REPO=/abs/repo emacs --batch -l e2e.el
;; Prints JSON lines; exits 0 when all hold, else 1.

(require 'json)
(require 'cl-lib)

(defvar e2e-repo (or (getenv "REPO") (error "Set REPO")))
(add-to-list 'load-path (expand-file-name "editors/emacs" e2e-repo))
;; markdown-mode is not a Debian package here; a stand-in of the same name gets stet's entry.
(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown"))
(require 'stet)

(defvar e2e-failures 0)
(defvar e2e-uri nil)
(defvar e2e-pushed nil "The diagnostics of the last publication for the draft.")

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (equal uri e2e-uri)
    (setq e2e-pushed diagnostics)))

(defun e2e-emit (object)
  (princ (concat (json-encode object) "\n")))

(defun e2e-check (ok what &optional detail)
  (e2e-emit `((check . ,what) (ok . ,(if ok t :json-false)) (detail . ,detail)))
  (unless ok (cl-incf e2e-failures)))

(defun e2e-wait (predicate)
  (let ((deadline (+ (float-time) 20)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun e2e-codes ()
  (string-join (sort (mapcar (lambda (d) (plist-get d :code)) e2e-pushed) #'string<) " "))

(defun e2e-run ()
  (let* ((stet-executable (or (getenv "STET") (error "Set STET")))
         (stet-settings '(:rules (:conflicting-role "error")))
         (file (expand-file-name "examples/el-salvador/drafts/security-ties.md" e2e-repo))
         (eglot-sync-connect 20))
    (find-file file)
    (markdown-mode)
    (setq e2e-uri (eglot--path-to-uri file))
    (apply #'eglot (eglot--guess-contact))
    (let ((server (eglot-current-server)))
      (e2e-check server "stet.el started stet for the Markdown buffer")
      (e2e-wait (lambda () (> (length e2e-pushed) 0)))
      (e2e-check (equal (e2e-codes) "conflicting-role unknown-source unsourced-figure")
                 "the draft has its three findings" (e2e-codes))
      (let ((role (cl-find "conflicting-role" e2e-pushed :key (lambda (d) (plist-get d :code)) :test #'equal)))
        (e2e-check (and role (equal (plist-get role :severity) 1)) "stet-settings set a rule's severity"
                   (format "%S" role)))
      (goto-char (point-min))
      (search-forward "Bukele")
      (let* ((hover (jsonrpc-request server :textDocument/hover
                                     `(:textDocument (:uri ,e2e-uri) :position ,(eglot--pos-to-lsp-position (- (point) 3)))))
             (shown (plist-get (plist-get hover :contents) :value)))
        (e2e-check (and shown (string-match-p "\\*\\*Nayib Bukele\\*\\*" shown)) "hover on a name tells who it is" shown))
      (let* ((unsourced (cl-find "unsourced-figure" e2e-pushed :key (lambda (d) (plist-get d :code)) :test #'equal))
             (actions (jsonrpc-request server :textDocument/codeAction
                                       `(:textDocument (:uri ,e2e-uri) :range ,(plist-get unsourced :range)
                                         :context (:diagnostics [,unsourced] :only ["quickfix"]))))
             (cite (cl-find "Cite newsvane-2025-04-16" actions :key (lambda (a) (plist-get a :title)) :test #'equal))
             (fixed (lambda () (equal (e2e-codes) "conflicting-role unknown-source"))))
        (e2e-check cite "the unsourced figure offers to cite its source")
        (when cite
          (eglot--apply-workspace-edit (plist-get cite :edit))
          (goto-char (point-min))
          (e2e-check (search-forward "2024 [@newsvane-2025-04-16]." nil t) "the citation stands before the full stop")
          ;; Eglot sends edits from an idle timer, and batch Emacs is never idle: send them now.
          (eglot--signal-textDocument/didChange)
          (e2e-check (e2e-wait fixed) "the unsourced finding goes once cited" (e2e-codes))))
      (set-buffer-modified-p nil)
      (ignore-errors (eglot-shutdown server nil 3)))))

(condition-case err
    (e2e-run)
  (error (e2e-check nil "the harness ran" (format "%S" err))))
(e2e-emit `((result . ,(if (= e2e-failures 0) "ok" "failed")) (failures . ,e2e-failures)))
(kill-emacs (if (= e2e-failures 0) 0 1))
