require('os'); require('crypto');
