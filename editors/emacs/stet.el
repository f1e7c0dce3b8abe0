;;; stet.el --- Check Markdown drafts against their sources with stet  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools, wp

;;; Commentary:

;; stet checks the figures, citations and names of a Markdown draft against the sources of its
;; workspace.  This file registers the `stet' binary as Eglot's server for Markdown buffers:
;;
;;   (add-to-list 'load-path "/path/to/stet/editors/emacs")
;;   (require 'stet)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;
;; Settings in the shape of stet.toml go in `stet-settings' and reach stet when it starts
;; (`initializationOptions'); they override the workspace's stet.toml.  After changing them,
;; M-x eglot-reconnect.  A project can also set them in `eglot-workspace-configuration', under
;; the section :stet.

;;; Code:

(require 'eglot)

(defgroup stet nil
  "Checking Markdown drafts against their sources."
  :group 'tools
  :prefix "stet-")

(defcustom stet-executable "stet"
  "The stet binary: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom stet-settings nil
  "Settings for stet, as a plist in the shape of stet.toml.
For example: (:rules (:unsourced-figure \"error\") :check (:scope \"paragraph\"))."
  :type '(plist))

(defcustom stet-modes '(markdown-mode gfm-mode)
  "Major modes whose buffers stet checks."
  :type '(repeat symbol))

(defclass stet-server (eglot-lsp-server) ()
  :documentation "stet, as Eglot's server for Markdown drafts.")

(cl-defmethod eglot-initialization-options ((_server stet-server))
  "`stet-settings', sent to stet when it starts."
  (or stet-settings (make-hash-table)))

(defun stet--contact (&optional _interactive)
  "How Eglot starts stet."
  (list 'stet-server stet-executable))

(add-to-list 'eglot-server-programs
             (cons (mapcar (lambda (mode) (list mode :language-id "markdown")) stet-modes)
                   #'stet--contact))

(provide 'stet)
;;; stet.el ends here
