// Command goproxy adds one version of a Go module to a GOPROXY directory (the module proxy protocol's file layout,
// served to the go command with GOPROXY=file:///<dir>):
//
//	<dir>/<escaped module path>/@v/list           one version per line
//	<dir>/<escaped module path>/@v/<version>.info {"Version": ..., "Time": ...}
//	<dir>/<escaped module path>/@v/<version>.mod  the module's go.mod
//	<dir>/<escaped module path>/@v/<version>.zip  the module zip, made by golang.org/x/mod/zip (what the go command
//	                                              itself checks: file names, sizes, the module@version/ prefix)
//
// Usage:
//
//	goproxy publish <proxy dir> <module source dir> <version>   (the module path is read from the source's go.mod)
//	goproxy hash <module zip>                                   prints the zip's go.sum hash ("h1:...")
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	modzip "golang.org/x/mod/zip"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 5 && os.Args[1] == "publish":
		err = publish(os.Args[2], os.Args[3], os.Args[4])
	case len(os.Args) == 3 && os.Args[1] == "hash":
		var sum string
		sum, err = dirhash.HashZip(os.Args[2], dirhash.Hash1)
		if err == nil {
			fmt.Println(sum)
		}
	default:
		fmt.Fprintln(os.Stderr, "usage: goproxy publish <proxy dir> <module source dir> <version> | goproxy hash <module zip>")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "goproxy:", err)
		os.Exit(1)
	}
}

func publish(proxyDir, sourceDir, version string) error {
	goMod, err := os.ReadFile(filepath.Join(sourceDir, "go.mod"))
	if err != nil {
		return err
	}
	modulePath := modfile.ModulePath(goMod)
	if modulePath == "" {
		return fmt.Errorf("%s/go.mod declares no module path", sourceDir)
	}
	mv := module.Version{Path: modulePath, Version: version}
	if err := module.Check(mv.Path, mv.Version); err != nil {
		return err
	}
	escaped, err := module.EscapePath(modulePath)
	if err != nil {
		return err
	}
	dir := filepath.Join(proxyDir, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	zipFile, err := os.Create(filepath.Join(dir, version+".zip"))
	if err != nil {
		return err
	}
	if err := modzip.CreateFromDir(zipFile, mv, sourceDir); err != nil {
		zipFile.Close()
		return err
	}
	if err := zipFile.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, version+".mod"), goMod, 0o644); err != nil {
		return err
	}
	info, err := json.Marshal(map[string]string{"Version": version, "Time": time.Now().UTC().Format(time.RFC3339)})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, version+".info"), info, 0o644); err != nil {
		return err
	}
	listFile := filepath.Join(dir, "list")
	list, err := os.ReadFile(listFile)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	for _, line := range strings.Split(string(list), "\n") {
		if line == version {
			return nil
		}
	}
	f, err := os.OpenFile(listFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, version)
	return err
}
